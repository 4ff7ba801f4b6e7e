// Limits that the loader enforces and the engine relies on.

/**
 * How deeply lists and mappings may nest in a rule file (aliases expanded). `validate` reports a
 * deeper file as `yaml-nesting` and every command refuses it, so a condition (all/any/not inside
 * each other) is at most this deep wherever the engine meets it: compiling, linting and
 * evaluating conditions recurse once per level. The shipped rules need 12. Trees themselves have
 * no depth limit: every walk over a tree's nodes keeps an explicit stack (walk.ts).
 */
export const MAX_RULE_DEPTH = 64;
