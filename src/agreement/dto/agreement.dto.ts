import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsCalendarDate } from '../../common/http/validators';
import { PartyKind, VersionStatus } from '../entities/agreement.entity';

export class ProposeRevisionDto {
  /** The whole text of the agreement as revised. */
  @IsString()
  @MinLength(1)
  @MaxLength(100_000)
  text: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  summary?: string;
}

export class NoticeDto {
  /** The day the party leaves: at least six months after today. */
  @IsCalendarDate()
  leavesOn: string;
}

export class PartyResponse {
  id: string;
  kind: PartyKind;
  name: string;
  universityId: string | null;
  noticeGivenOn: string | null;
  leavesOn: string | null;
  /** Still a party today. */
  remains: boolean;
}

export class VersionResponse {
  version: number;
  status: VersionStatus;
  summary: string | null;
  text: string;
  createdAt: Date;
  effectiveAt: Date | null;
  /** Parties that have approved (for a proposal). */
  approvedBy: string[];
  /** Remaining parties whose approval is still missing (for a proposal). */
  awaiting: string[];
}

export class AgreementResponse {
  /** The text in force. */
  current: VersionResponse;
  /** A revision awaiting approval, if any. */
  proposed: VersionResponse | null;
  parties: PartyResponse[];
  /** Every version, newest first. */
  history: VersionResponse[];
}
