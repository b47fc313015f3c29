import { describe, expect, it } from 'vitest';
import { JavaMissingError, findJava, parseJavaVersion } from '../../../../src/main/db/managed/java';

describe('parseJavaVersion', () => {
  it('reads modern and legacy version strings', () => {
    expect(parseJavaVersion('openjdk version "17.0.15" 2025-04-15')).toEqual({
      major: 17,
      version: '17.0.15',
    });
    expect(parseJavaVersion('openjdk version "21" 2023-09-19')).toEqual({
      major: 21,
      version: '21',
    });
    expect(parseJavaVersion('java version "1.8.0_401"')).toEqual({
      major: 8,
      version: '1.8.0_401',
    });
    expect(parseJavaVersion('nonsense')).toBeUndefined();
  });

  it('explains the alternatives when Java is missing', () => {
    expect(() => findJava({ JAVA_HOME: '/nonexistent-java-home' })).toThrow(JavaMissingError);
    expect(() => findJava({ JAVA_HOME: '/nonexistent-java-home' })).toThrow(/NEO4J_URI/);
  });
});
