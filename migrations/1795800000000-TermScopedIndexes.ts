import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Placements counted per offer and per supervisor within a term (the balance, the placements
 * page, a hand placement's room check) read an index instead of the term's every row. The other
 * term-scoped joins have theirs already: supervisors by district and offers by (term, district)
 * lead their unique indexes, offer_supervisors is indexed by supervisor.
 */
export class TermScopedIndexes1795800000000 implements MigrationInterface {
    name = 'TermScopedIndexes1795800000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX "IDX_87bc0c6435876b006eb221ac6c" ON "assignments"  ("term_id", "offer_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_e2da82fc9619fa00cb163c0527" ON "assignments"  ("term_id", "supervisor_id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_e2da82fc9619fa00cb163c0527"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_87bc0c6435876b006eb221ac6c"`);
    }

}
