// Types for generate.js (plain JS, shared with the fixture and `npm run hunt`).
import type { Program } from './hunt';

export function generateProgram(seed: number): Program;
export function executorEnvironment(step: object): Record<string, string>;
