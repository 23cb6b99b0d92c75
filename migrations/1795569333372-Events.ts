import { MigrationInterface, QueryRunner } from "typeorm";

export class Events1795569333372 implements MigrationInterface {
    name = 'Events1795569333372'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "type" text NOT NULL, "title" text NOT NULL, "description" text, "location" text NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "term_id" uuid, "include_universities" boolean NOT NULL DEFAULT false, "status" text NOT NULL DEFAULT 'scheduled', "sequence" integer NOT NULL DEFAULT '0', "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "event_times" CHECK (ends_at > starts_at), CONSTRAINT "event_status" CHECK (status IN ('scheduled', 'cancelled')), CONSTRAINT "event_type" CHECK (type IN ('introduction', 'workshop', 'network_meeting', 'lecture')), CONSTRAINT "PK_40731c7151fe4be3116e45ddf73" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_da080c835c9fc4e0aa5e8fe264" ON "events"  ("starts_at") `);
        await queryRunner.query(`CREATE TABLE "event_invitees" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "kind" text NOT NULL, "invitee_key" text NOT NULL, "user_id" uuid, "email" text NOT NULL, "name" text NOT NULL, "district_id" uuid, "university_id" uuid, "attended" boolean, CONSTRAINT "event_invitee_kind" CHECK (kind IN ('user', 'supervisor', 'student')), CONSTRAINT "PK_6498d9abf0ce79092424df1972d" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_c63ffd1d13bcb8069758cda3e5" ON "event_invitees"  ("user_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_777a3f277f970e32e987525c96" ON "event_invitees"  ("event_id", "invitee_key") `);
        await queryRunner.query(`CREATE TABLE "calendar_tokens" ("user_id" uuid NOT NULL, "token" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_f2e70c81f4e59cec9d3fb4a2419" UNIQUE ("token"), CONSTRAINT "PK_b72b4c7c65d3753a2b4fd1bb02a" PRIMARY KEY ("user_id"))`);
        await queryRunner.query(`ALTER TABLE "events" ADD CONSTRAINT "FK_a5f5d02c00f7634b1c36ff39739" FOREIGN KEY ("term_id") REFERENCES "terms"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "event_invitees" ADD CONSTRAINT "FK_869b69ec2ff55987269a5f4b493" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "calendar_tokens" ADD CONSTRAINT "FK_b72b4c7c65d3753a2b4fd1bb02a" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "calendar_tokens" DROP CONSTRAINT "FK_b72b4c7c65d3753a2b4fd1bb02a"`);
        await queryRunner.query(`ALTER TABLE "event_invitees" DROP CONSTRAINT "FK_869b69ec2ff55987269a5f4b493"`);
        await queryRunner.query(`ALTER TABLE "events" DROP CONSTRAINT "FK_a5f5d02c00f7634b1c36ff39739"`);
        await queryRunner.query(`DROP TABLE "calendar_tokens"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_777a3f277f970e32e987525c96"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_c63ffd1d13bcb8069758cda3e5"`);
        await queryRunner.query(`DROP TABLE "event_invitees"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_da080c835c9fc4e0aa5e8fe264"`);
        await queryRunner.query(`DROP TABLE "events"`);
    }

}
