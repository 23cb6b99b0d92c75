import { MigrationInterface, QueryRunner } from "typeorm";

const UNIVERSITIES = [
    ['SU', 'Stockholms universitet'],
    ['ESB', 'Ersta Sköndal Bräcke högskola'],
    ['SH', 'Södertörns högskola'],
];

// The city's 14 district administrations (stadsdelsförvaltningar).
const DISTRICTS = [
    ['rinkeby-kista', 'Rinkeby-Kista'],
    ['spanga-tensta', 'Spånga-Tensta'],
    ['hasselby-vallingby', 'Hässelby-Vällingby'],
    ['bromma', 'Bromma'],
    ['kungsholmen', 'Kungsholmen'],
    ['norrmalm', 'Norrmalm'],
    ['ostermalm', 'Östermalm'],
    ['sodermalm', 'Södermalm'],
    ['enskede-arsta-vantor', 'Enskede-Årsta-Vantör'],
    ['skarpnack', 'Skarpnäck'],
    ['farsta', 'Farsta'],
    ['alvsjo', 'Älvsjö'],
    ['hagersten-liljeholmen', 'Hägersten-Liljeholmen'],
    ['skarholmen', 'Skärholmen'],
];

export class Foundation1795447824353 implements MigrationInterface {
    name = 'Foundation1795447824353'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "audit_log" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "action" text NOT NULL, "entity_type" text NOT NULL, "entity_id" text NOT NULL, "changes" jsonb NOT NULL DEFAULT '{}', "request_id" text, CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_43fef0ec7f613c19c612fffe62" ON "audit_log"  ("entity_type", "entity_id") `);
        await queryRunner.query(`CREATE TABLE "login_attempts" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "email" text NOT NULL, "ip" text NOT NULL, "succeeded" boolean NOT NULL, "attempted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_070e613c8f768b1a70742705c5b" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_21cf7fa29d6596c229c29a7dc5" ON "login_attempts"  ("ip", "attempted_at") `);
        await queryRunner.query(`CREATE INDEX "IDX_c2872575da9b2869ffd49d77e0" ON "login_attempts"  ("email", "attempted_at") `);
        await queryRunner.query(`CREATE TABLE "universities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "name" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_a3e80913c5f263361d680fd7b43" UNIQUE ("code"), CONSTRAINT "PK_8da52f2cee6b407559fdbabf59e" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "name" text NOT NULL, "role" text NOT NULL, "district_id" uuid, "university_id" uuid, "password_hash" text NOT NULL, "active" boolean NOT NULL DEFAULT true, "token_version" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_97672ac88f789774dd47f7c8be3" UNIQUE ("email"), CONSTRAINT "user_role_scope" CHECK ((role = 'coordinator' AND district_id IS NULL AND university_id IS NULL)
  OR (role = 'district_contact' AND district_id IS NOT NULL AND university_id IS NULL)
  OR (role = 'university_coordinator' AND university_id IS NOT NULL AND district_id IS NULL)), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "districts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "name" text NOT NULL, "contact_user_id" uuid, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_8e9d73424149b43b38244f75528" UNIQUE ("code"), CONSTRAINT "REL_ebb5015fe701c19152782b9add" UNIQUE ("contact_user_id"), CONSTRAINT "PK_972a72ff4e3bea5c7f43a2b98af" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "heartbeats" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "requested_by" uuid, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "processed_at" TIMESTAMP WITH TIME ZONE, "processed_by" text, "backend" text NOT NULL, CONSTRAINT "PK_a7375f00766c83ddca3c1f939e3" PRIMARY KEY ("id"))`);
        await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "FK_efc03fc2a5902ef17fb8a2bdcc2" FOREIGN KEY ("district_id") REFERENCES "districts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "FK_2bef1cc35d499b5c4b5d68fcf7d" FOREIGN KEY ("university_id") REFERENCES "universities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "districts" ADD CONSTRAINT "FK_ebb5015fe701c19152782b9adda" FOREIGN KEY ("contact_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        // Reference data from the letter of intent (DESIGN.md §2); editable afterwards.
        await queryRunner.query(
            `INSERT INTO "universities" ("code", "name") VALUES ${UNIVERSITIES.map((_, i) => `($${2 * i + 1}, $${2 * i + 2})`).join(', ')}`,
            UNIVERSITIES.flat(),
        );
        await queryRunner.query(
            `INSERT INTO "districts" ("code", "name") VALUES ${DISTRICTS.map((_, i) => `($${2 * i + 1}, $${2 * i + 2})`).join(', ')}`,
            DISTRICTS.flat(),
        );
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "districts" DROP CONSTRAINT "FK_ebb5015fe701c19152782b9adda"`);
        await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "FK_2bef1cc35d499b5c4b5d68fcf7d"`);
        await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "FK_efc03fc2a5902ef17fb8a2bdcc2"`);
        await queryRunner.query(`DROP TABLE "heartbeats"`);
        await queryRunner.query(`DROP TABLE "districts"`);
        await queryRunner.query(`DROP TABLE "users"`);
        await queryRunner.query(`DROP TABLE "universities"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_c2872575da9b2869ffd49d77e0"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_21cf7fa29d6596c229c29a7dc5"`);
        await queryRunner.query(`DROP TABLE "login_attempts"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_43fef0ec7f613c19c612fffe62"`);
        await queryRunner.query(`DROP TABLE "audit_log"`);
    }

}
