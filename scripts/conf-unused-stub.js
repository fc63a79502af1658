// conf imports ajv, ajv-formats and semver for two features prep never uses: JSON-schema
// validation of the stored values (`schema`) and `migrations`. They are about 180 KB of the
// bundle that every start would compile and run. The bundle swaps them for this stub, which
// fails loudly if conf ever reaches for them: the e2e tests, which write settings and snapshots
// through the built prep, would then fail (test/e2e/bundle.e2e.test.ts checks what is left out).
function unused() {
  throw new Error('prep bundles conf without schema validation and migrations (ajv, semver)');
}
export default unused;
export const Ajv2020 = unused;
