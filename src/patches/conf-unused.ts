// conf imports ajv (+ formats, fast-uri) and semver for JSON-schema validation and migrations,
// which vcreds never asks for (src/config/store.ts passes neither a schema nor migrations).
// scripts/build-plugins.mjs (confWithoutValidators) builds those imports of conf as this stub,
// which says so if ever called: ~180 KB less for every start to compile.
const unused = (): never => {
  throw new Error('conf schema validation and migrations are not part of the vcreds bundle');
};

export class Ajv2020 {
  constructor() {
    unused();
  }
}

export default new Proxy({}, { get: () => unused });
