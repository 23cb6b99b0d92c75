import { MigrationInterface, QueryRunner } from "typeorm";

export class TermsOffersDemand1795566291651 implements MigrationInterface {
    name = 'TermsOffersDemand1795566291651'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "term_periods" ("term_id" uuid NOT NULL, "university_id" uuid NOT NULL, "starts_on" date NOT NULL, "ends_on" date NOT NULL, CONSTRAINT "term_period_order" CHECK (ends_on > starts_on), CONSTRAINT "PK_29133c59d77900b5ccc53da60df" PRIMARY KEY ("term_id", "university_id"))`);
        await queryRunner.query(`CREATE TABLE "terms" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "target_places" integer NOT NULL DEFAULT '100', "reporting_deadline" date NOT NULL, "status" text NOT NULL DEFAULT 'planning', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_7e399562d3db75d5a0b6a3f25e0" UNIQUE ("code"), CONSTRAINT "term_status" CHECK (status IN ('planning', 'reporting', 'allocating', 'published', 'closed')), CONSTRAINT "term_target" CHECK (target_places BETWEEN 1 AND 1000), CONSTRAINT "term_code" CHECK (code ~ '^(HT|VT)[0-9]{4}$'), CONSTRAINT "PK_33b6fe77d6ace7ff43cc8a65958" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "quota_overrides" ("term_id" uuid NOT NULL, "university_id" uuid NOT NULL, "quota" integer NOT NULL, "set_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "quota_override_range" CHECK (quota BETWEEN 0 AND 1000), CONSTRAINT "PK_1b6d551b07b367b1eb4bd7523be" PRIMARY KEY ("term_id", "university_id"))`);
        await queryRunner.query(`CREATE TABLE "term_demands" ("term_id" uuid NOT NULL, "university_id" uuid NOT NULL, "requested_places" integer NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "demand_places" CHECK (requested_places BETWEEN 0 AND 1000), CONSTRAINT "PK_4e062906c38d0e30be97f77110e" PRIMARY KEY ("term_id", "university_id"))`);
        await queryRunner.query(`CREATE TABLE "supervisors" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "district_id" uuid NOT NULL, "name" text NOT NULL, "email" text NOT NULL, "training_status" text NOT NULL, "capacity" integer NOT NULL DEFAULT '1', "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "supervisor_training" CHECK (training_status IN ('completed', 'in_progress', 'none')), CONSTRAINT "supervisor_capacity" CHECK (capacity BETWEEN 1 AND 2), CONSTRAINT "PK_7c262062450a70e6f1b9f861232" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_fd4bc3b197867d079750215840" ON "supervisors"  ("district_id", "email") `);
        await queryRunner.query(`CREATE TABLE "placement_offers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "term_id" uuid NOT NULL, "district_id" uuid NOT NULL, "unit_name" text NOT NULL, "field" text NOT NULL, "places" integer NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "offer_places" CHECK (places BETWEEN 1 AND 20), CONSTRAINT "PK_7e69450c4d9e0f142199051d992" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_9cd58d4199a32e5d7cbd756776" ON "placement_offers"  ("term_id", "district_id", "unit_name", "field") `);
        await queryRunner.query(`CREATE TABLE "offer_supervisors" ("offer_id" uuid NOT NULL, "supervisor_id" uuid NOT NULL, CONSTRAINT "PK_f9fdeaf389f55653623d581482f" PRIMARY KEY ("offer_id", "supervisor_id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_2c7f7a28193f2dc242df72d005" ON "offer_supervisors"  ("offer_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_b2372cd305db3daa3679cb86a5" ON "offer_supervisors"  ("supervisor_id") `);
        await queryRunner.query(`ALTER TABLE "term_periods" ADD CONSTRAINT "FK_6d07a08eb1187d88d1bcaa5477d" FOREIGN KEY ("term_id") REFERENCES "terms"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "term_periods" ADD CONSTRAINT "FK_21bbd82e067c539894c8c76789b" FOREIGN KEY ("university_id") REFERENCES "universities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "quota_overrides" ADD CONSTRAINT "FK_9046b6812a1a8acc0b5f4a10c2a" FOREIGN KEY ("term_id") REFERENCES "terms"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "quota_overrides" ADD CONSTRAINT "FK_1a6550a4ddb317f38b7d3d737ed" FOREIGN KEY ("university_id") REFERENCES "universities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "term_demands" ADD CONSTRAINT "FK_f4bd76d1839b85e698931501693" FOREIGN KEY ("term_id") REFERENCES "terms"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "term_demands" ADD CONSTRAINT "FK_d3e23d96d8bcf620e70e69a9501" FOREIGN KEY ("university_id") REFERENCES "universities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "supervisors" ADD CONSTRAINT "FK_94d1fa3a0db46248d95cfce6e88" FOREIGN KEY ("district_id") REFERENCES "districts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "placement_offers" ADD CONSTRAINT "FK_38327771ee115b03c06ba9ccbd5" FOREIGN KEY ("term_id") REFERENCES "terms"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "placement_offers" ADD CONSTRAINT "FK_6793522939c901c97f1871dfdfb" FOREIGN KEY ("district_id") REFERENCES "districts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "offer_supervisors" ADD CONSTRAINT "FK_2c7f7a28193f2dc242df72d005d" FOREIGN KEY ("offer_id") REFERENCES "placement_offers"("id") ON DELETE CASCADE ON UPDATE CASCADE`);
        await queryRunner.query(`ALTER TABLE "offer_supervisors" ADD CONSTRAINT "FK_b2372cd305db3daa3679cb86a58" FOREIGN KEY ("supervisor_id") REFERENCES "supervisors"("id") ON DELETE CASCADE ON UPDATE CASCADE`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "offer_supervisors" DROP CONSTRAINT "FK_b2372cd305db3daa3679cb86a58"`);
        await queryRunner.query(`ALTER TABLE "offer_supervisors" DROP CONSTRAINT "FK_2c7f7a28193f2dc242df72d005d"`);
        await queryRunner.query(`ALTER TABLE "placement_offers" DROP CONSTRAINT "FK_6793522939c901c97f1871dfdfb"`);
        await queryRunner.query(`ALTER TABLE "placement_offers" DROP CONSTRAINT "FK_38327771ee115b03c06ba9ccbd5"`);
        await queryRunner.query(`ALTER TABLE "supervisors" DROP CONSTRAINT "FK_94d1fa3a0db46248d95cfce6e88"`);
        await queryRunner.query(`ALTER TABLE "term_demands" DROP CONSTRAINT "FK_d3e23d96d8bcf620e70e69a9501"`);
        await queryRunner.query(`ALTER TABLE "term_demands" DROP CONSTRAINT "FK_f4bd76d1839b85e698931501693"`);
        await queryRunner.query(`ALTER TABLE "quota_overrides" DROP CONSTRAINT "FK_1a6550a4ddb317f38b7d3d737ed"`);
        await queryRunner.query(`ALTER TABLE "quota_overrides" DROP CONSTRAINT "FK_9046b6812a1a8acc0b5f4a10c2a"`);
        await queryRunner.query(`ALTER TABLE "term_periods" DROP CONSTRAINT "FK_21bbd82e067c539894c8c76789b"`);
        await queryRunner.query(`ALTER TABLE "term_periods" DROP CONSTRAINT "FK_6d07a08eb1187d88d1bcaa5477d"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_b2372cd305db3daa3679cb86a5"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_2c7f7a28193f2dc242df72d005"`);
        await queryRunner.query(`DROP TABLE "offer_supervisors"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_9cd58d4199a32e5d7cbd756776"`);
        await queryRunner.query(`DROP TABLE "placement_offers"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_fd4bc3b197867d079750215840"`);
        await queryRunner.query(`DROP TABLE "supervisors"`);
        await queryRunner.query(`DROP TABLE "term_demands"`);
        await queryRunner.query(`DROP TABLE "quota_overrides"`);
        await queryRunner.query(`DROP TABLE "terms"`);
        await queryRunner.query(`DROP TABLE "term_periods"`);
    }

}
