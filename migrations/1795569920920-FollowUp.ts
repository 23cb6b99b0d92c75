import { MigrationInterface, QueryRunner } from "typeorm";

// The letter of intent as drafted (seeds: Bilaga 4): version 1, in force, with its four parties.
const LETTER_OF_INTENT = `Avsiktsförklaring om verksamhetsförlagd utbildning (VFU) för socionomstudenter

Syfte
Avsiktsförklaringen beskriver hur Stockholms stad, Stockholms universitet, Ersta Sköndal Bräcke högskola och Södertörns högskola samarbetar kring socionomstudenternas verksamhetsförlagda utbildning (VFU). Staden har som ambition att erbjuda 100 platser under VFU för studenterna vid termin fem. Antalet platser kan variera beroende på behov hos universitet och högskolor och situationen i stadsdelsförvaltningarna.

Samverkan syftar till att den verksamhetsförlagda utbildningen tillgodoser lärosätenas behov av VFU-platser samt är ett led i stadens arbete med rekrytering av nya medarbetare och i stadens verksamhetsutveckling.

Stadsdelsförvaltningarnas ansvar
- Tillhandahåller minst en handledare och handledning för varje student utifrån kursmålen för studenten. Målsättningen är att handledare ska ha gått eller påbörjar handledarutbildning under perioden.
- Hela den enhet som tar emot studenter engageras i att utforma en bra VFU.
- Utser en kontaktperson i varje stadsdelsförvaltning som ansvarar för stadsdelsförvaltningens VFU-mottagande och rapporterar antalet platser som stadsdelsförvaltningen kan erbjuda till socialförvaltningens kontaktperson.
- Vidarebefordrar alla förfrågningar från studenter som vill påbörja VFU i staden till universitet och högskolor.
- Kontaktpersonen deltar varje år inför höstterminsstart i en gemensam workshop för att följa upp samarbetet med lärosätena och utifrån det utveckla verksamheten.

Socialförvaltningens avdelning för stadsövergripande sociala frågor
- En centralt placerad kontaktperson samordnar och följer upp ambitionen om att erbjuda 100 platser varje termin.
- Staden har ett stadsövergripande nätverk för kontaktpersonerna och samlar dem regelbundet till möten. Universitet och högskolor bjuds in till möten.
- Håller samman nätverket samt stödjer samarbetet mellan stadsdelsförvaltningar, universitet och högskolor.
- Kontaktpersonen arbetar tillsammans med nätverket och lärosätena fram gemensamma rutiner för samarbetet, följer upp rutinerna, utvecklar arbetet med VFU-mottagande och stödjer erfarenhetsutbyte mellan stadsdelsförvaltningar.
- Anordnar ett gemensamt introduktionstillfälle för alla VFU-studenter i början av VFU-perioden.
- Kontaktpersonen sammankallar och leder varje år inför höstterminsstart en gemensam workshop mellan staden och lärosätena för att följa upp och utveckla samarbetet inför kommande år.

Universitetens och högskolornas ansvar
- Erbjuder riktade föreläsningar till medarbetare vid stadsdelsförvaltningarna, som också bereds möjlighet att delta vid föreläsningar vid universitet och högskolor.
- Erbjuder handledarutbildning.
- Följer upp och återför till staden antal medarbetare som erbjuds handledarutbildning, hur många som inte kan beredas plats och utvärderingar av genomförandet.
- VFU-samordnare/baslärare stödjer studenter och handledare under VFU-perioden.
- Lärosätena har en tydlig plan för vilka kunskaper VFU-perioden ska ge studenterna samt erbjuder extra stöd för studenter som har behov av det.
- Förbereder studenterna inför VFU-perioden på vad de kan förvänta sig, samt informerar om stadens arbete med handlingsplanen för förbättrad arbetssituation.
- Förmedlar och samordnar förfrågningar från studenter från landets övriga universitet och högskolor.
- VFU-samordnarna vid lärosätena deltar inför varje höstterminsstart i en gemensam workshop för att följa upp samarbetet med staden och utifrån det utveckla verksamheten.

Giltighet
Avsiktsförklaringen gäller tills vidare. Revideringar av innehållet bereds gemensamt mellan lärosätena och staden och träder i kraft efter överenskommelse mellan samtliga parter. Part som önskar avbryta samarbetet ska meddela övriga senast sex månader före tidpunkten för avslut.`;


export class FollowUp1795569920920 implements MigrationInterface {
    name = 'FollowUp1795569920920'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "agreement_parties" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "university_id" uuid, "name" text NOT NULL, "notice_given_on" date, "leaves_on" date, "notice_given_by" uuid, CONSTRAINT "UQ_3e92a6cfa94018dbaa6d8f0323d" UNIQUE ("university_id"), CONSTRAINT "agreement_party_kind" CHECK ((kind = 'city' AND university_id IS NULL) OR (kind = 'university' AND university_id IS NOT NULL)), CONSTRAINT "PK_d599ad42faadea5946b3baafa6e" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "agreement_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL, "text" text NOT NULL, "summary" text, "status" text NOT NULL, "proposed_by" uuid, "proposed_by_party" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "effective_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_d8ae82453adaf352ce2fe330ffc" UNIQUE ("version"), CONSTRAINT "agreement_version_status" CHECK (status IN ('proposed', 'in_force', 'superseded', 'withdrawn')), CONSTRAINT "PK_f1bfb781c008000a73e52a29ccb" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "agreement_approvals" ("version_id" uuid NOT NULL, "party_id" uuid NOT NULL, "approved_by" uuid, "approved_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ef4a47a4d9ba5224b9f87d59a01" PRIMARY KEY ("version_id", "party_id"))`);
        await queryRunner.query(`CREATE TABLE "student_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "district_id" uuid NOT NULL, "created_by" uuid, "student_name" text NOT NULL, "student_email" text NOT NULL, "university_id" uuid, "other_university" text, "message" text NOT NULL, "received_on" date NOT NULL, "status" text NOT NULL DEFAULT 'forwarded', "forwarded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "answered_at" TIMESTAMP WITH TIME ZONE, "answered_by" uuid, "answer" text, "closed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "student_request_status" CHECK (status IN ('forwarded', 'answered', 'closed')), CONSTRAINT "PK_f8793f261cb843fa8cf2bb9433f" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_a9bb67218dfab1f0641a44186c" ON "student_requests"  ("status", "forwarded_at") `);
        await queryRunner.query(`CREATE TABLE "training_reports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "university_id" uuid NOT NULL, "year" integer NOT NULL, "offered_training" integer NOT NULL, "not_admitted" integer NOT NULL, "evaluation_summary" text NOT NULL, "reported_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "training_report_counts" CHECK (offered_training >= 0 AND not_admitted >= 0 AND year BETWEEN 2000 AND 2100), CONSTRAINT "PK_7fa1c9169255d678b6f08c99a4b" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_0df80f8226b0db3cbdf3aa17e5" ON "training_reports"  ("university_id", "year") `);
        await queryRunner.query(`ALTER TABLE "terms" ADD "closed_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "terms" ADD "personal_data_purged_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "agreement_parties" ADD CONSTRAINT "FK_3e92a6cfa94018dbaa6d8f0323d" FOREIGN KEY ("university_id") REFERENCES "universities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "agreement_approvals" ADD CONSTRAINT "FK_a1de8073491118811b696d4c71c" FOREIGN KEY ("version_id") REFERENCES "agreement_versions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "agreement_approvals" ADD CONSTRAINT "FK_77b8b7bc2d35564de41876bbfc4" FOREIGN KEY ("party_id") REFERENCES "agreement_parties"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "student_requests" ADD CONSTRAINT "FK_fb8b3248bb6fef979159a13fde6" FOREIGN KEY ("district_id") REFERENCES "districts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "student_requests" ADD CONSTRAINT "FK_332877e30a0689e9d84e6f22e77" FOREIGN KEY ("university_id") REFERENCES "universities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "training_reports" ADD CONSTRAINT "FK_f088d467ed29f72da3de5b670c0" FOREIGN KEY ("university_id") REFERENCES "universities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`INSERT INTO "agreement_parties" ("kind", "name") VALUES ('city', 'Stockholms stad')`);
        await queryRunner.query(`INSERT INTO "agreement_parties" ("kind", "university_id", "name") SELECT 'university', "id", "name" FROM "universities"`);
        await queryRunner.query(
            `INSERT INTO "agreement_versions" ("version", "text", "summary", "status", "effective_at") VALUES (1, $1, $2, 'in_force', now())`,
            [LETTER_OF_INTENT, 'Avsiktsförklaringen som den antogs.'],
        );
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "training_reports" DROP CONSTRAINT "FK_f088d467ed29f72da3de5b670c0"`);
        await queryRunner.query(`ALTER TABLE "student_requests" DROP CONSTRAINT "FK_332877e30a0689e9d84e6f22e77"`);
        await queryRunner.query(`ALTER TABLE "student_requests" DROP CONSTRAINT "FK_fb8b3248bb6fef979159a13fde6"`);
        await queryRunner.query(`ALTER TABLE "agreement_approvals" DROP CONSTRAINT "FK_77b8b7bc2d35564de41876bbfc4"`);
        await queryRunner.query(`ALTER TABLE "agreement_approvals" DROP CONSTRAINT "FK_a1de8073491118811b696d4c71c"`);
        await queryRunner.query(`ALTER TABLE "agreement_parties" DROP CONSTRAINT "FK_3e92a6cfa94018dbaa6d8f0323d"`);
        await queryRunner.query(`ALTER TABLE "terms" DROP COLUMN "personal_data_purged_at"`);
        await queryRunner.query(`ALTER TABLE "terms" DROP COLUMN "closed_at"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_0df80f8226b0db3cbdf3aa17e5"`);
        await queryRunner.query(`DROP TABLE "training_reports"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_a9bb67218dfab1f0641a44186c"`);
        await queryRunner.query(`DROP TABLE "student_requests"`);
        await queryRunner.query(`DROP TABLE "agreement_approvals"`);
        await queryRunner.query(`DROP TABLE "agreement_versions"`);
        await queryRunner.query(`DROP TABLE "agreement_parties"`);
    }

}
