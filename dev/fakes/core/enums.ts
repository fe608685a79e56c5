/**
 * Apps Script enums: each member is an object whose String() is its name (as in the real
 * runtime, where `String(ScriptApp.EventType.CLOCK)` is "CLOCK"), compared by identity.
 */
export interface EnumMember {
  name(): string;
  ordinal(): number;
  toString(): string;
  toJSON(): string;
}

export type FakeEnum<Names extends string> = Readonly<Record<Names, EnumMember>>;

/** Builds a frozen enum object from its member names. */
export function makeEnum<Names extends string>(names: readonly Names[]): FakeEnum<Names> {
  const result = {} as Record<Names, EnumMember>;
  names.forEach((memberName, index) => {
    result[memberName] = Object.freeze({
      name: () => memberName,
      ordinal: () => index,
      toString: () => memberName,
      toJSON: () => memberName,
    });
  });
  return Object.freeze(result);
}

/** The member's name when `value` is a member of `fakeEnum` (or its name as a string), else null. */
export function memberName<Names extends string>(fakeEnum: FakeEnum<Names>, value: unknown): Names | null {
  for (const key of Object.keys(fakeEnum) as Names[]) {
    if (fakeEnum[key] === value) return key;
  }
  return null;
}

/** Hands a fake enum member to code typed against the real (TypeScript enum) declaration. */
export function asRealEnum<RealEnum>(member: EnumMember): RealEnum {
  return member as unknown as RealEnum;
}
