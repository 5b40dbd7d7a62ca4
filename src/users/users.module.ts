import { Module } from '@nestjs/common';
import { RecordUserProfileUseCase } from './application/record-user-profile.use-case.js';
import { UserRepository } from './domain/user.repository.js';
import { TypeOrmUserRepository } from './infrastructure/typeorm-user.repository.js';

@Module({
  providers: [{ provide: UserRepository, useClass: TypeOrmUserRepository }, RecordUserProfileUseCase],
  exports: [UserRepository, RecordUserProfileUseCase],
})
export class UsersModule {}
