import { Controller, Get } from '@nestjs/common';
import { RelayLeadership } from './relay-leadership';

export interface RelayHealth {
  status: 'ok';
  leader: boolean;
}

@Controller('health')
export class HealthController {
  constructor(private readonly leadership: RelayLeadership) {}

  @Get()
  health(): RelayHealth {
    return { status: 'ok', leader: this.leadership.isLeader };
  }
}
