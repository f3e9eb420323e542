import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseSample, type Sample } from '../../shared/samples/sample';

export function loadSample(): Sample {
  const raw: unknown = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../assets/samples/sample-project.json'), 'utf8'));
  const r = parseSample(raw);
  if (!r.ok) throw new Error(r.message);
  return r.sample;
}

/** Every string the user typed into the sample's forms (dates excluded: they print as 和暦). */
export function typedStrings(value: unknown): string[] {
  if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(value) || value.trim() === '' ? [] : value.split('\n').filter((s) => s.trim() !== '');
  if (Array.isArray(value)) return value.flatMap(typedStrings);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(typedStrings);
  return [];
}
