import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * One number that changes whenever a committed transaction changed the service's data: the read
 * cache (src/database/read-cache.ts) keeps a computed read only as long as the number is the one
 * it was computed at, in every process at once.
 *
 * The bump is a deferred constraint trigger, so it runs once per transaction just before commit
 * (the row lock on the counter is held for that instant only, not for the whole transaction) and
 * becomes visible together with the data it stands for; a rolled-back transaction bumps nothing.
 * Every table has it except the ones no cached read shows and that change on every request or
 * beat: sign-in bookkeeping, sessions, process heartbeats. A table made later needs the trigger
 * too (`test/read-cache.e2e-spec.ts` checks that every table has it).
 */
const UNTRACKED = ['migrations', 'data_revision', 'web_sessions', 'login_attempts', 'heartbeats'];

export class DataRevision1795900000000 implements MigrationInterface {
    name = 'DataRevision1795900000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "data_revision" ("id" smallint PRIMARY KEY DEFAULT 1 CHECK ("id" = 1), "revision" bigint NOT NULL)`);
        await queryRunner.query(`INSERT INTO "data_revision" ("id", "revision") VALUES (1, 1)`);
        await queryRunner.query(`
            CREATE FUNCTION bump_data_revision() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              -- Once per transaction: the flag is transaction-local and gone after commit.
              IF current_setting('vfu.data_revision_bumped', true) IS DISTINCT FROM 'on' THEN
                UPDATE data_revision SET revision = revision + 1 WHERE id = 1;
                PERFORM set_config('vfu.data_revision_bumped', 'on', true);
              END IF;
              RETURN NULL;
            END $$`);
        const tables = (await queryRunner.query(
            `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND NOT (tablename = ANY($1)) ORDER BY 1`,
            [UNTRACKED],
        )) as { name: string }[];
        for (const { name } of tables) {
            await queryRunner.query(
                `CREATE CONSTRAINT TRIGGER "bump_data_revision" AFTER INSERT OR UPDATE OR DELETE ON "${name}" ` +
                    `DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_revision()`,
            );
        }
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        const tables = (await queryRunner.query(
            `SELECT DISTINCT c.relname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname = 'bump_data_revision'`,
        )) as { name: string }[];
        for (const { name } of tables) await queryRunner.query(`DROP TRIGGER "bump_data_revision" ON "${name}"`);
        await queryRunner.query(`DROP FUNCTION bump_data_revision()`);
        await queryRunner.query(`DROP TABLE "data_revision"`);
    }

}
