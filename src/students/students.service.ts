import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { Assignment } from '../assignments/entities/assignment.entity';
import { AuditService } from '../audit/audit.service';
import { diffFields } from '../audit/audit-diff';
import { assertUniversityScope } from '../common/auth/access-policy';
import { Actor, Role } from '../common/auth/role';
import { AppError, FieldProblem } from '../common/errors/app-error';
import { District } from '../districts/entities/district.entity';
import { PlacementOffer } from '../offers/entities/placement-offer.entity';
import { Term } from '../terms/entities/term.entity';
import { TermStatus } from '../terms/term-status';
import { TermsService } from '../terms/terms.service';
import { University } from '../universities/entities/university.entity';
import { StudentFieldsDto } from './dto/student-fields.dto';
import { CreateStudentDto, UpdateStudentDto } from './dto/student.dto';
import { PlacedStudentResponse, StudentResponse } from './dto/student.response';
import { Student } from './entities/student.entity';
import { parseStudentCsv } from './student-csv';

export enum StudentsErrorCode {
  DuplicateRef = 'duplicate_student_ref',
  RegistrationClosed = 'registration_closed',
  StudentPlaced = 'student_placed',
}

/** University coordinators register students until the placements are published. */
const CLOSED_FOR_UNIVERSITIES: readonly TermStatus[] = [TermStatus.Published, TermStatus.Closed];

@Injectable()
export class StudentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly terms: TermsService,
    private readonly audit: AuditService,
  ) {}

  /**
   * The coordinator sees all of a term's students, a university coordinator their own; a district
   * contact the names of the students placed in their district.
   */
  async list(actor: Actor, code: string): Promise<StudentResponse[] | PlacedStudentResponse[]> {
    const term = await this.terms.findByCode(code);
    if (actor.role === Role.DistrictContact) {
      return this.dataSource.manager
        .createQueryBuilder(Student, 's')
        .innerJoin(Assignment, 'a', 'a.student_id = s.id')
        .innerJoin(PlacementOffer, 'o', 'o.id = a.offer_id')
        .where('s.term_id = :termId AND o.district_id = :districtId', { termId: term.id, districtId: actor.districtId })
        .select(['s.id AS id', 's.name AS name', 's.university_id AS "universityId"'])
        .orderBy('s.name')
        .getRawMany<PlacedStudentResponse>();
    }
    const students = await this.dataSource.manager.find(Student, {
      where: { termId: term.id, ...(actor.role === Role.UniversityCoordinator ? { universityId: actor.universityId! } : {}) },
      order: { name: 'ASC', studentRef: 'ASC' },
    });
    return students.map(StudentResponse.of);
  }

  async get(actor: Actor, id: string): Promise<Student> {
    const student = await this.dataSource.manager.findOneBy(Student, { id });
    if (!student) throw AppError.notFound('Student');
    assertUniversityScope(actor, student.universityId);
    return student;
  }

  async create(actor: Actor, code: string, dto: CreateStudentDto): Promise<Student> {
    assertUniversityScope(actor, dto.universityId);
    return this.dataSource.transaction(async (manager) => {
      const term = await this.openTerm(manager, actor, code);
      await this.assertUniversity(manager, dto.universityId);
      await this.checkDistricts(manager, dto);
      if (await manager.existsBy(Student, { termId: term.id, universityId: dto.universityId, studentRef: dto.studentRef })) {
        throw AppError.conflict(StudentsErrorCode.DuplicateRef, `A student with studentRef ${dto.studentRef} is already registered for ${term.code}`);
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
      const districts = await manager.find(District, { where: { active: true } });
      const { students, problems } = parseStudentCsv(csv, districts);
      const firstRow = new Map<string, number>();
      for (const { row, student } of students) {
        const first = firstRow.get(student.studentRef);
        if (first) problems.push({ row, field: 'studentRef', message: `${student.studentRef} is also on row ${first}` });
        else firstRow.set(student.studentRef, row);
      }
      if (problems.length) throw AppError.invalid(problems.sort((a, b) => a.row - b.row), `The file has ${problems.length} problem(s); nothing was imported`);
      const taken = new Set(
        (await manager.findBy(Student, { termId: term.id, universityId, studentRef: In(students.map((s) => s.student.studentRef)) })).map((s) => s.studentRef),
      );
      const conflicts: FieldProblem[] = students
        .filter(({ student }) => taken.has(student.studentRef))
        .map(({ row, student }) => ({ row, field: 'studentRef', message: `${student.studentRef} is already registered for ${term.code}` }));
      if (conflicts.length) {
        throw new AppError(HttpStatus.CONFLICT, `${conflicts.length} student(s) are already registered; nothing was imported`, StudentsErrorCode.DuplicateRef, conflicts);
      }
      for (const { student } of students) await this.insert(manager, actor, term, universityId, student);
      return students.length;
    });
  }

  async update(actor: Actor, id: string, dto: UpdateStudentDto): Promise<Student> {
    const existing = await this.get(actor, id);
    return this.dataSource.transaction(async (manager) => {
      const term = await manager.findOneByOrFail(Term, { id: existing.termId });
      await this.openTerm(manager, actor, term.code);
      const student = await manager.findOneOrFail(Student, { where: { id }, lock: { mode: 'pessimistic_write' } });
      await this.checkDistricts(manager, { ...student, ...dto });
      if (dto.studentRef && dto.studentRef !== student.studentRef && (await manager.existsBy(Student, { termId: student.termId, universityId: student.universityId, studentRef: dto.studentRef }))) {
        throw AppError.conflict(StudentsErrorCode.DuplicateRef, `A student with studentRef ${dto.studentRef} is already registered for ${term.code}`);
      }
      await this.audit.update(manager, actor, Student, 'student', student, dto);
      return manager.findOneByOrFail(Student, { id });
    });
  }

  /** 409 while the student is placed: the placement is removed first. */
  async remove(actor: Actor, id: string): Promise<void> {
    const existing = await this.get(actor, id);
    await this.dataSource.transaction(async (manager) => {
      const term = await manager.findOneByOrFail(Term, { id: existing.termId });
      await this.openTerm(manager, actor, term.code);
      if (await manager.existsBy(Assignment, { studentId: id })) {
        throw AppError.conflict(StudentsErrorCode.StudentPlaced, 'The student is placed; remove the placement first');
      }
      await manager.delete(Student, { id });
      await this.audit.record(manager, actor, { action: 'student.deleted', entityType: 'student', entityId: id });
    });
  }

  private async insert(manager: EntityManager, actor: Actor, term: Term, universityId: string, dto: StudentFieldsDto): Promise<Student> {
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
      changes: diffFields(null, { termId: term.id, universityId, studentRef: dto.studentRef, fieldPreferences: dto.fieldPreferences }),
    });
    return student;
  }

  private async openTerm(manager: EntityManager, actor: Actor, code: string): Promise<Term> {
    const term = await this.terms.findByCode(code, manager);
    if (actor.role !== Role.Coordinator && CLOSED_FOR_UNIVERSITIES.includes(term.status)) {
      throw AppError.conflict(StudentsErrorCode.RegistrationClosed, `Students of ${term.code} can no longer be changed: the term is ${term.status}. Ask the central coordinator.`);
    }
    return term;
  }

  private async assertUniversity(manager: EntityManager, universityId: string): Promise<void> {
    if (!(await manager.existsBy(University, { id: universityId }))) throw AppError.invalidField('universityId', 'no such university');
  }

  private async checkDistricts(manager: EntityManager, dto: Partial<StudentFieldsDto>): Promise<void> {
    const ids = [...(dto.districtPreferences ?? []), ...(dto.excludedDistrictIds ?? [])];
    const known = new Set((await manager.findBy(District, { id: In(ids) })).map((d) => d.id));
    const problems: FieldProblem[] = [];
    (dto.districtPreferences ?? []).forEach((id, i) => !known.has(id) && problems.push({ field: `districtPreferences.${i}`, message: 'no such district' }));
    (dto.excludedDistrictIds ?? []).forEach((id, i) => {
      if (!known.has(id)) problems.push({ field: `excludedDistrictIds.${i}`, message: 'no such district' });
      else if (dto.districtPreferences?.includes(id)) problems.push({ field: `excludedDistrictIds.${i}`, message: 'is also a preferred district' });
    });
    if (problems.length) throw AppError.invalid(problems);
  }
}
