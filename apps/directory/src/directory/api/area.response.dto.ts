import { ApiProperty } from '@nestjs/swagger';
import { SECTORS, Sector } from '@styrkedjan/contracts';
import { AreaView } from '../views/area.view';

export class AreaResponse implements AreaView {
  @ApiProperty({ example: 'education.compulsory-school' }) code: string;
  @ApiProperty({ enum: SECTORS }) sector: Sector;
  @ApiProperty({ example: 'Grundskola' }) name: string;
  @ApiProperty({ nullable: true, type: String, example: 'Compulsory school' }) nameEn: string | null;
}

export class AreaListResponse {
  @ApiProperty({ type: [AreaResponse] }) items: AreaResponse[];
}
