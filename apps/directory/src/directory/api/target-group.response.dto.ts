import { ApiProperty } from '@nestjs/swagger';
import { SECTORS, Sector } from '@styrkedjan/contracts';
import { TargetGroupView } from '../views/target-group.view';

export class TargetGroupResponse implements TargetGroupView {
  @ApiProperty({ example: 'pupils-special-support' }) code: string;
  @ApiProperty({ example: 'Elever i behov av särskilt stöd' }) name: string;
  @ApiProperty({ nullable: true, type: String, example: 'Pupils in need of special support' }) nameEn: string | null;
  @ApiProperty({ enum: SECTORS, isArray: true, description: 'The sectors where the group is used' })
  sectors: Sector[];
}

export class TargetGroupListResponse {
  @ApiProperty({ type: [TargetGroupResponse] }) items: TargetGroupResponse[];
}
