/**
 * Type-level link between a fake class and the real Apps Script interface it stands for.
 * `ApiShape<Real, 'a' | 'b'>` demands methods `a` and `b` exist on the real interface (a misspelt
 * name fails the type check), accept the real parameters, and return a value of the same kind:
 * the same primitive type, or some object where the real method returns an Apps Script object
 * (the fake returns its own fake counterpart there).
 */
export type ApiShape<Real, Keys extends keyof Real> = {
  [Name in Keys]: Real[Name] extends (...args: infer Args) => infer Result
    ? (...args: { [I in keyof Args]: Accepted<Args[I]> }) => Returned<Result>
    : Real[Name];
};

/**
 * Primitive parameters keep their real type (the fake must accept what scripts pass); Apps
 * Script objects become `never`, so the fake may declare its own counterpart (FakeRange for Range).
 */
type Accepted<Param> = Param extends string | number | boolean | null | undefined
  ? Param
  : Param extends readonly (infer Item)[]
    ? Accepted<Item>[]
    : never;

/** Same primitive type (null allowed: the typings omit it where Apps Script returns null). */
type Returned<Result> = Result extends readonly (infer Item)[]
  ? Returned<Item>[]
  : Result extends object
    ? object
    : Result | null;

/** The static side every tracked fake class declares, read by the call tracker. */
export interface FakeClassInfo {
  /** Apps Script class name, used in call counts: 'Range' gives 'Range.getValues'. */
  readonly apiName: string;
  /** The global service the object is reached from: 'SpreadsheetApp', 'GmailApp', ... */
  readonly service: string;
  /** Every member scripts may use; anything else is invisible to the bundle. */
  readonly api: readonly string[];
  /** Test-only helpers: visible to tests, never counted, hidden from the bundle. */
  readonly helpers?: readonly string[];
  /** Scripts may set their own properties on it (HtmlTemplate), kept in `variables`. */
  readonly assignable?: boolean;
}
