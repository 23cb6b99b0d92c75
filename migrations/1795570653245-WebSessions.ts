import { MigrationInterface, QueryRunner } from "typeorm";

export class WebSessions1795570653245 implements MigrationInterface {
    name = 'WebSessions1795570653245'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "web_sessions" ("id" text NOT NULL, "user_id" uuid NOT NULL, "csrf_token" text NOT NULL, "token_version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_3ae6bbf6cb5ac95b7f617d395d3" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_099af5f73522b589358b3d1189" ON "web_sessions"  ("user_id") `);
        await queryRunner.query(`ALTER TABLE "web_sessions" ADD CONSTRAINT "FK_099af5f73522b589358b3d1189f" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "web_sessions" DROP CONSTRAINT "FK_099af5f73522b589358b3d1189f"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_099af5f73522b589358b3d1189"`);
        await queryRunner.query(`DROP TABLE "web_sessions"`);
    }

}
