import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { isPlaced } from '../assignments/assignments.queries';
import { AuditService } from '../audit/audit.service';
import { diffFields } from '../audit/audit-diff';
import { assertUniversityScope } from '../common/auth/access-policy';
import { Actor, Role, scopeOf } from '../common/auth/role';
import { AppError } from '../common/errors/app-error';
import { CommonErrors } from '../common/errors/common.errors';
import { FieldProblem, problem } from '../common/errors/error-spec';
import type { PageQueryDto } from '../common/http/page-query.dto';
import { mapPage, Paged, PageWindow, pageWindow, rawPage, takeSkip } from '../common/http/paging';
import { ReadCache } from '../database/read-cache';
import { activeDistricts, districtsByIds } from '../districts/districts.queries';
import type { Term } from '../terms/entities/term.entity';
import { TermStatus } from '../terms/term-status';
import { termById } from '../terms/terms.queries';
import { TermsService } from '../terms/terms.service';
import { universityExists } from '../universities/universities.queries';
import { StudentFieldsDto } from './dto/student-fields.dto';
import { CreateStudentDto, UpdateStudentDto } from './dto/student.dto';
import { PlacedStudentResponse, StudentResponse } from './dto/student.response';
import { Student } from './entities/student.entity';
import { CsvProblem, parseStudentCsv } from './student-csv';
import { StudentsErrors } from './students.errors';

/** University coordinators register students until the placements are published. */
const CLOSED_FOR_UNIVERSITIES: readonly TermStatus[] = [TermStatus.Published, TermStatus.Closed];

@Injectable()
export class StudentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly terms: TermsService,
    private readonly audit: AuditService,
    private readonly cache: ReadCache,
  ) {}

  /**
   * The coordinator sees all of a term's students, a university coordinator their own; a district
   * contact the names of the students placed in their district.
   */
  async list(
    actor: Actor,
    code: string,
    query: PageQueryDto = {},
  ): Promise<Paged<StudentResponse> | Paged<PlacedStudentResponse>> {
    const window = pageWindow(query);
    return this.cache.get(`students:${code}:${scopeOf(actor)}:${window.take}:${window.skip}`, () =>
      this.listOf(actor, code, window),
    );
  }

  private async listOf(
    actor: Actor,
    code: string,
    window: PageWindow,
  ): Promise<Paged<StudentResponse> | Paged<PlacedStudentResponse>> {
    const term = await this.terms.findByCode(code);
    if (actor.role === Role.DistrictContact) {
      return rawPage<PlacedStudentResponse>(
        this.dataSource.manager
          .createQueryBuilder(Student, 's')
          // Other features' tables, joined by name: still one query.
          .innerJoin('assignments', 'a', 'a.student_id = s.id')
          .innerJoin('placement_offers', 'o', 'o.id = a.offer_id')
          .where('s.term_id = :termId AND o.district_id = :districtId', {
            termId: term.id,
            districtId: actor.districtId,
          })
          .select(['s.id AS id', 's.name AS name', 's.university_id AS "universityId"'])
          .orderBy('s.name')
          .addOrderBy('s.id'),
        window,
      );
    }
    const [students, total] = await this.dataSource.manager.findAndCount(Student, {
      where: {
        termId: term.id,
        ...(actor.role === Role.UniversityCoordinator ? { universityId: actor.universityId! } : {}),
      },
      order: { name: 'ASC', studentRef: 'ASC', id: 'ASC' },
      ...takeSkip(window),
    });
    return mapPage({ rows: students, total }, StudentResponse.of);
  }

  async get(actor: Actor, id: string): Promise<Student> {
    const student = await this.dataSource.manager.findOneBy(Student, { id });
    if (!student) throw AppError.notFound('student');
    assertUniversityScope(actor, student.universityId);
    return student;
  }

  async create(actor: Actor, code: string, dto: CreateStudentDto): Promise<Student> {
    assertUniversityScope(actor, dto.universityId);
    return this.dataSource.transaction(async (manager) => {
      const term = await this.openTerm(manager, actor, code);
      await this.assertUniversity(manager, dto.universityId);
      await this.checkDistricts(manager, dto);
      if (
        await manager.existsBy(Student, { termId: term.id, universityId: dto.universityId, studentRef: dto.studentRef })
      ) {
        throw AppError.of(StudentsErrors.duplicate_student_ref, { termCode: term.code, studentRef: dto.studentRef });
      }
      const student = await this.insert(manager, actor, term, dto.universityId, dto);
      return student;
    });
  }

  /**
   * All or nothing: a file with any bad row is a 400 listing row, field and message for each;
   * studentRefs already registered are a 409, listed the same way.
   */
  async import(actor: Actor, code: string, universityId: string, csv: string): Promise<number> {
    assertUniversityScope(actor, universityId);
    return this.dataSource.transaction(async (manager) => {
      const term = await this.openTerm(manager, actor, code);
      await this.assertUniversity(manager, universityId);
      const districts = await activeDistricts(manager);
      const { students, problems } = parseStudentCsv(csv, districts);
      const firstRow = new Map<string, number>();
      for (const { row, student } of students) {
        const first = firstRow.get(student.studentRef);
        if (first)
          problems.push(
            problem(
              StudentsErrors.student_ref_repeated,
              'studentRef',
              { studentRef: student.studentRef, firstRow: first },
              row,
            ) as CsvProblem,
          );
        else firstRow.set(student.studentRef, row);
      }
      if (problems.length)
        throw AppError.withDetails(
          CommonErrors.validation_failed,
          problems.sort((a, b) => a.row - b.row),
          { count: problems.length, file: true },
        );
      const taken = new Set(
        (
          await manager.findBy(Student, {
            termId: term.id,
            universityId,
            studentRef: In(students.map((s) => s.student.studentRef)),
          })
        ).map((s) => s.studentRef),
      );
      const conflicts: FieldProblem[] = students
        .filter(({ student }) => taken.has(student.studentRef))
        .map(({ row, student }) =>
          problem(
            StudentsErrors.student_ref_registered,
            'studentRef',
            { studentRef: student.studentRef, termCode: term.code },
            row,
          ),
        );
      if (conflicts.length) {
        throw AppError.withDetails(StudentsErrors.duplicate_student_ref, conflicts, {
          termCode: term.code,
          rows: conflicts.length,
        });
      }
      for (const { student } of students) await this.insert(manager, actor, term, universityId, student);
      return students.length;
    });
  }

  async update(actor: Actor, id: string, dto: UpdateStudentDto): Promise<Student> {
    const existing = await this.get(actor, id);
    return this.dataSource.transaction(async (manager) => {
      const term = await termById(manager, existing.termId);
      await this.openTerm(manager, actor, term.code);
      const student = await manager.findOneOrFail(Student, { where: { id }, lock: { mode: 'pessimistic_write' } });
      await this.checkDistricts(manager, { ...student, ...dto });
      if (
        dto.studentRef &&
        dto.studentRef !== student.studentRef &&
        (await manager.existsBy(Student, {
          termId: student.termId,
          universityId: student.universityId,
          studentRef: dto.studentRef,
        }))
      ) {
        throw AppError.of(StudentsErrors.duplicate_student_ref, { termCode: term.code, studentRef: dto.studentRef });
      }
      await this.audit.update(manager, actor, Student, 'student', student, dto);
      return manager.findOneByOrFail(Student, { id });
    });
  }

  /** 409 while the student is placed: the placement is removed first. */
  async remove(actor: Actor, id: string): Promise<void> {
    const existing = await this.get(actor, id);
    await this.dataSource.transaction(async (manager) => {
      const term = await termById(manager, existing.termId);
      await this.openTerm(manager, actor, term.code);
      if (await isPlaced(manager, id)) {
        throw AppError.of(StudentsErrors.student_placed, { studentName: existing.name });
      }
      await manager.delete(Student, { id });
      await this.audit.record(manager, actor, { action: 'student.deleted', entityType: 'student', entityId: id });
    });
  }

  private async insert(
    manager: EntityManager,
    actor: Actor,
    term: Term,
    universityId: string,
    dto: StudentFieldsDto,
  ): Promise<Student> {
    const student = manager.create(Student, {
      termId: term.id,
      universityId,
      name: dto.name,
      email: dto.email,
      studentRef: dto.studentRef,
      fieldPreferences: dto.fieldPreferences,
      districtPreferences: dto.districtPreferences ?? [],
      excludedDistrictIds: dto.excludedDistrictIds ?? [],
      languages: dto.languages ?? [],
      needsExtraSupport: dto.needsExtraSupport ?? false,
    });
    await manager.insert(Student, student);
    // Ids only: the audit log carries no names.
    await this.audit.record(manager, actor, {
      action: 'student.created',
      entityType: 'student',
      entityId: student.id,
      changes: diffFields(null, {
        termId: term.id,
        universityId,
        studentRef: dto.studentRef,
        fieldPreferences: dto.fieldPreferences,
      }),
    });
    return student;
  }

  private async openTerm(manager: EntityManager, actor: Actor, code: string): Promise<Term> {
    const term = await this.terms.findByCode(code, manager);
    if (actor.role !== Role.Coordinator && CLOSED_FOR_UNIVERSITIES.includes(term.status)) {
      throw AppError.of(StudentsErrors.registration_closed, { termCode: term.code, status: term.status });
    }
    return term;
  }

  private async assertUniversity(manager: EntityManager, universityId: string): Promise<void> {
    if (!(await universityExists(manager, universityId)))
      throw AppError.invalid([problem(CommonErrors.no_such_university, 'universityId', {})]);
  }

  private async checkDistricts(manager: EntityManager, dto: Partial<StudentFieldsDto>): Promise<void> {
    const ids = [...(dto.districtPreferences ?? []), ...(dto.excludedDistrictIds ?? [])];
    const known = new Map((await districtsByIds(manager, ids)).map((d) => [d.id, d.name] as const));
    const problems: FieldProblem[] = [];
    (dto.districtPreferences ?? []).forEach(
      (id, i) =>
        !known.has(id) && problems.push(problem(CommonErrors.no_such_district, `districtPreferences.${i}`, {})),
    );
    (dto.excludedDistrictIds ?? []).forEach((id, i) => {
      const districtName = known.get(id);
      if (districtName === undefined)
        problems.push(problem(CommonErrors.no_such_district, `excludedDistrictIds.${i}`, {}));
      else if (dto.districtPreferences?.includes(id))
        problems.push(
          problem(StudentsErrors.district_preferred_and_excluded, `excludedDistrictIds.${i}`, { districtName }),
        );
    });
    if (problems.length) throw AppError.invalid(problems);
  }
}
