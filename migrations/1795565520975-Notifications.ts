import { MigrationInterface, QueryRunner } from "typeorm";

export class Notifications1795565520975 implements MigrationInterface {
    name = 'Notifications1795565520975'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "notifications" ("id" uuid NOT NULL, "idempotency_key" text NOT NULL, "recipient_email" text NOT NULL, "recipient_user_id" uuid, "template" text NOT NULL, "data" jsonb NOT NULL, "status" text NOT NULL DEFAULT 'pending', "message_id" text NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "generation" integer NOT NULL DEFAULT '0', "last_error" text, "sending_since" TIMESTAMP WITH TIME ZONE, "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_5af2abaf70226e88b27ae3b6391" UNIQUE ("idempotency_key"), CONSTRAINT "UQ_14569f8a49ebb2ed92e9f8ba01c" UNIQUE ("message_id"), CONSTRAINT "notification_status" CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'unconfirmed')), CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_77d2d971c58759c2e2249ce7d0" ON "notifications"  ("status", "created_at") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_77d2d971c58759c2e2249ce7d0"`);
        await queryRunner.query(`DROP TABLE "notifications"`);
    }

}
