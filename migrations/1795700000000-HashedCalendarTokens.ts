import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Calendar tokens are kept as their SHA-256 (hex), as session tokens are: the clear tokens are
 * hashed in place, so every feed address already given out keeps working. New tokens are
 * derived from the server secret and a random `nonce` kept beside the hash, so they can be shown
 * again; the hashed old ones have no nonce (null) and are shown no more, until rotated.
 */
export class HashedCalendarTokens1795700000000 implements MigrationInterface {
    name = 'HashedCalendarTokens1795700000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "calendar_tokens" DROP CONSTRAINT "UQ_f2e70c81f4e59cec9d3fb4a2419"`);
        await queryRunner.query(`ALTER TABLE "calendar_tokens" RENAME COLUMN "token" TO "token_hash"`);
        await queryRunner.query(`UPDATE "calendar_tokens" SET "token_hash" = encode(sha256(convert_to("token_hash", 'UTF8')), 'hex')`);
        await queryRunner.query(`ALTER TABLE "calendar_tokens" ADD CONSTRAINT "UQ_f82866d34868ccae6c8307bd2dd" UNIQUE ("token_hash")`);
        await queryRunner.query(`ALTER TABLE "calendar_tokens" ADD "nonce" text`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        // A hash gives no token back: the addresses are forgotten, and each user gets a new one on first use.
        await queryRunner.query(`DELETE FROM "calendar_tokens"`);
        await queryRunner.query(`ALTER TABLE "calendar_tokens" DROP COLUMN "nonce"`);
        await queryRunner.query(`ALTER TABLE "calendar_tokens" DROP CONSTRAINT "UQ_f82866d34868ccae6c8307bd2dd"`);
        await queryRunner.query(`ALTER TABLE "calendar_tokens" RENAME COLUMN "token_hash" TO "token"`);
        await queryRunner.query(`ALTER TABLE "calendar_tokens" ADD CONSTRAINT "UQ_f2e70c81f4e59cec9d3fb4a2419" UNIQUE ("token")`);
    }

}
