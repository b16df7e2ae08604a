import { Module } from '@nestjs/common';
import { IntakeModule } from '../intake/intake.module';
import { ListIntakeProblems } from './list-intake-problems.use-case';
import { OpsIntakeController } from './ops-intake.controller';
import { RetryIntakeMessage } from './retry-intake-message.use-case';

@Module({
  imports: [IntakeModule],
  controllers: [OpsIntakeController],
  providers: [ListIntakeProblems, RetryIntakeMessage],
})
export class OpsIntakeModule {}
