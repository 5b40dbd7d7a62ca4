import type { User, UserProfile } from '../domain/user.js';
import { UserRepository } from '../domain/user.repository.js';

export class InMemoryUserRepository extends UserRepository {
  readonly users = new Map<string, User>();

  async record(profile: UserProfile, now: Date): Promise<void> {
    const known = this.users.get(profile.id);
    this.users.set(profile.id, {
      id: profile.id,
      email: profile.email ?? known?.email ?? null,
      name: profile.name ?? known?.name ?? null,
      picture: profile.picture ?? known?.picture ?? null,
      emailVerified: profile.emailVerified ?? known?.emailVerified ?? null,
      createdAt: known?.createdAt ?? now,
      updatedAt: now,
    });
  }

  async findByIds(ids: readonly string[]): Promise<User[]> {
    return ids.flatMap((id) => this.users.get(id) ?? []);
  }
}
