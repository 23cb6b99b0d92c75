import { MigrationInterface, QueryRunner } from "typeorm";

export class SessionFlash1795600000000 implements MigrationInterface {
    name = 'SessionFlash1795600000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "web_sessions" ADD "flash" text`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "web_sessions" DROP COLUMN "flash"`);
    }

}
