import { MigrationInterface, QueryRunner } from "typeorm";

// The database's own guard against overbooking, whatever code writes a placement: it locks the
// offer and the supervisor rows (so concurrent writers queue up) and counts what is taken.
const CAPACITY_CHECK = `
CREATE FUNCTION assignment_capacity_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    usable integer;
    capacity integer;
    taken integer;
BEGIN
    PERFORM 1 FROM placement_offers WHERE id = NEW.offer_id FOR UPDATE;
    SELECT LEAST(o.places, COALESCE(SUM(CASE WHEN s.active THEN s.capacity ELSE 0 END), 0)) INTO usable
      FROM placement_offers o
      LEFT JOIN offer_supervisors os ON os.offer_id = o.id
      LEFT JOIN supervisors s ON s.id = os.supervisor_id
     WHERE o.id = NEW.offer_id
     GROUP BY o.places;
    SELECT count(*) INTO taken FROM assignments WHERE offer_id = NEW.offer_id AND id <> NEW.id;
    IF taken >= usable THEN
        RAISE EXCEPTION 'The offer has no free place' USING ERRCODE = 'check_violation', CONSTRAINT = 'assignment_offer_capacity';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM offer_supervisors WHERE offer_id = NEW.offer_id AND supervisor_id = NEW.supervisor_id) THEN
        RAISE EXCEPTION 'The supervisor is not named on the offer' USING ERRCODE = 'check_violation', CONSTRAINT = 'assignment_supervisor_on_offer';
    END IF;
    SELECT CASE WHEN active THEN supervisors.capacity ELSE 0 END INTO capacity FROM supervisors WHERE id = NEW.supervisor_id FOR UPDATE;
    SELECT count(*) INTO taken FROM assignments WHERE supervisor_id = NEW.supervisor_id AND term_id = NEW.term_id AND id <> NEW.id;
    IF taken >= capacity THEN
        RAISE EXCEPTION 'The supervisor has no free capacity' USING ERRCODE = 'check_violation', CONSTRAINT = 'assignment_supervisor_capacity';
    END IF;
    RETURN NEW;
END
$$`;

export class StudentsAllocation1795567258987 implements MigrationInterface {
    name = 'StudentsAllocation1795567258987'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "allocation_runs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "term_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'queued', "requested_by" uuid, "placed" integer, "total_cost" integer, "outcome" jsonb, "error" text, "solve_ms" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, "applied_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "allocation_run_status" CHECK (status IN ('queued', 'running', 'succeeded', 'failed')), CONSTRAINT "PK_e33e146d4eb0d0629fe71ea2b44" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_fc1faa458649e6336b191cdf6f" ON "allocation_runs"  ("term_id", "created_at") `);
        await queryRunner.query(`CREATE TABLE "students" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "term_id" uuid NOT NULL, "university_id" uuid NOT NULL, "name" text NOT NULL, "email" text NOT NULL, "student_ref" text NOT NULL, "field_preferences" text array NOT NULL, "district_preferences" uuid array NOT NULL DEFAULT '{}', "excluded_district_ids" uuid array NOT NULL DEFAULT '{}', "languages" text array NOT NULL DEFAULT '{}', "needs_extra_support" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7d7f07271ad4ce999880713f05e" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_618d04079e70b6d5e2c89c0e73" ON "students"  ("term_id", "university_id", "student_ref") `);
        await queryRunner.query(`CREATE TABLE "assignments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "term_id" uuid NOT NULL, "student_id" uuid NOT NULL, "university_id" uuid NOT NULL, "offer_id" uuid NOT NULL, "supervisor_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'draft', "cost" integer, "publication_round" integer, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "published_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "REL_7dad5b5267533e501f7d3431dc" UNIQUE ("student_id"), CONSTRAINT "assignment_status" CHECK (status IN ('draft', 'published')), CONSTRAINT "PK_c54ca359535e0012b04dcbd80ee" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_5aa280a1a70dd2f8958817745a" ON "assignments"  ("supervisor_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_9ee559ec0987b613521c25c96f" ON "assignments"  ("offer_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_72e6e962731d7c6cd6c1b946a5" ON "assignments"  ("term_id", "university_id") `);
        await queryRunner.query(`ALTER TABLE "allocation_runs" ADD CONSTRAINT "FK_4b6886c28b449bdaaca68dc2bc8" FOREIGN KEY ("term_id") REFERENCES "terms"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "students" ADD CONSTRAINT "FK_d9c3217ddfc1c4cb1edda75337f" FOREIGN KEY ("term_id") REFERENCES "terms"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "students" ADD CONSTRAINT "FK_14d779b146e9ca6f24b5e633448" FOREIGN KEY ("university_id") REFERENCES "universities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "assignments" ADD CONSTRAINT "FK_3e112119e00a178487a4b5c8d5c" FOREIGN KEY ("term_id") REFERENCES "terms"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "assignments" ADD CONSTRAINT "FK_7dad5b5267533e501f7d3431dcf" FOREIGN KEY ("student_id") REFERENCES "students"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "assignments" ADD CONSTRAINT "FK_9ee559ec0987b613521c25c96f0" FOREIGN KEY ("offer_id") REFERENCES "placement_offers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "assignments" ADD CONSTRAINT "FK_5aa280a1a70dd2f8958817745a4" FOREIGN KEY ("supervisor_id") REFERENCES "supervisors"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(CAPACITY_CHECK);
        await queryRunner.query(`CREATE TRIGGER "assignment_capacity" BEFORE INSERT OR UPDATE OF offer_id, supervisor_id, term_id ON "assignments" FOR EACH ROW EXECUTE FUNCTION assignment_capacity_check()`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER "assignment_capacity" ON "assignments"`);
        await queryRunner.query(`DROP FUNCTION assignment_capacity_check()`);
        await queryRunner.query(`ALTER TABLE "assignments" DROP CONSTRAINT "FK_5aa280a1a70dd2f8958817745a4"`);
        await queryRunner.query(`ALTER TABLE "assignments" DROP CONSTRAINT "FK_9ee559ec0987b613521c25c96f0"`);
        await queryRunner.query(`ALTER TABLE "assignments" DROP CONSTRAINT "FK_7dad5b5267533e501f7d3431dcf"`);
        await queryRunner.query(`ALTER TABLE "assignments" DROP CONSTRAINT "FK_3e112119e00a178487a4b5c8d5c"`);
        await queryRunner.query(`ALTER TABLE "students" DROP CONSTRAINT "FK_14d779b146e9ca6f24b5e633448"`);
        await queryRunner.query(`ALTER TABLE "students" DROP CONSTRAINT "FK_d9c3217ddfc1c4cb1edda75337f"`);
        await queryRunner.query(`ALTER TABLE "allocation_runs" DROP CONSTRAINT "FK_4b6886c28b449bdaaca68dc2bc8"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_72e6e962731d7c6cd6c1b946a5"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_9ee559ec0987b613521c25c96f"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_5aa280a1a70dd2f8958817745a"`);
        await queryRunner.query(`DROP TABLE "assignments"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_618d04079e70b6d5e2c89c0e73"`);
        await queryRunner.query(`DROP TABLE "students"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_fc1faa458649e6336b191cdf6f"`);
        await queryRunner.query(`DROP TABLE "allocation_runs"`);
    }

}
