import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'ValidationError' })
export class ValidationErrorDto {
  @ApiProperty({ type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'integer' }] }, title: 'Location' })
  loc: (string | number)[];

  @ApiProperty({ type: 'string', title: 'Message' })
  msg: string;

  @ApiProperty({ type: 'string', title: 'Error Type' })
  type: string;
}

@ApiSchema({ name: 'HTTPValidationError' })
export class HttpValidationErrorDto {
  @ApiProperty({ type: () => [ValidationErrorDto], required: false, title: 'Detail' })
  detail: ValidationErrorDto[];
}

@ApiSchema({ name: 'StringErrorResponse' })
export class StringErrorResponseDto {
  @ApiProperty({ type: 'string', title: 'Detail' })
  detail: string;
}

@ApiSchema({ name: 'ErrorMessage' })
export class ErrorMessageDto {
  @ApiProperty({ type: 'string', title: 'Msg' })
  msg: string;
}

/** The reference API's list-shaped error (`{"detail": [{"msg": "..."}]}`), e.g. for a workspace not found. */
@ApiSchema({ name: 'MessageListErrorResponse' })
export class MessageListErrorResponseDto {
  @ApiProperty({ type: () => [ErrorMessageDto], title: 'Detail' })
  detail: ErrorMessageDto[];
}
