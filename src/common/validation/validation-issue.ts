/**
 * One problem with a request, in the shape of the reference API (FastAPI/pydantic):
 * `loc` is the path to the value (`["body", "name"]`), `type` a code from pydantic's vocabulary.
 */
export interface ValidationIssue {
  loc: (string | number)[];
  msg: string;
  type: string;
}

/** Thrown by the request validation pipe and the body parser; answered with 422. */
export class RequestValidationError extends Error {
  constructor(readonly issues: ValidationIssue[]) {
    super(issues.map((issue) => `${issue.loc.join('.')}: ${issue.msg}`).join('; '));
    this.name = 'RequestValidationError';
  }
}
