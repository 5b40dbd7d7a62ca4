import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RecordUserProfileUseCase } from './application/record-user-profile.use-case.js';
import { UserProfileRecorder } from './domain/user-profile-recorder.js';
import { UserRepository } from './domain/user.repository.js';
import { TypeOrmUserRepository } from './infrastructure/typeorm-user.repository.js';
import { UserOrmEntity } from './infrastructure/user.orm-entity.js';

/** This module's tables, for the data source. */
export const userOrmEntities = [UserOrmEntity];

@Module({
  imports: [TypeOrmModule.forFeature(userOrmEntities)],
  providers: [
    { provide: UserRepository, useClass: TypeOrmUserRepository },
    { provide: UserProfileRecorder, useClass: RecordUserProfileUseCase },
  ],
  exports: [UserRepository, UserProfileRecorder],
})
export class UsersModule {}
