import { Injectable } from '@nestjs/common';
import { hasProfileClaims, type UserProfile } from '../domain/user.js';
import { UnitOfWork } from '../../kernel/unit-of-work.js';
import { UserProfileRecorder } from '../domain/user-profile-recorder.js';
import { UserRepository } from '../domain/user.repository.js';

const REMEMBERED_PROFILES = 10_000;

/**
 * Keeps what each identity token says about its user. A profile already recorded unchanged by this
 * process is not written again, so a busy user costs one write, not one per request.
 */
@Injectable()
export class RecordUserProfileUseCase extends UserProfileRecorder {
  private readonly recorded = new Map<string, string>();

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly users: UserRepository,
  ) {
    super();
  }

  async execute(profile: UserProfile): Promise<void> {
    if (!hasProfileClaims(profile)) return;
    const fingerprint = JSON.stringify([profile.email, profile.name, profile.picture, profile.emailVerified]);
    if (this.recorded.get(profile.id) === fingerprint) return;
    await this.unitOfWork.run('record-user-profile', async (tx) => this.users.record(tx, profile, new Date()));
    this.recorded.delete(profile.id);
    this.recorded.set(profile.id, fingerprint);
    if (this.recorded.size > REMEMBERED_PROFILES) this.recorded.delete(this.recorded.keys().next().value!);
  }
}
