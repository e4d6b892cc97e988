// Validates Kubernetes manifests (a multi-document YAML file, as `kubectl kustomize` renders it) against
// the Kubernetes API schemas shipped in the kubernetes-models package. Custom resources (Strimzi) have no
// schema here; they are listed as such, and their own checks live in the Java deployment tests.
// Usage: node validate-manifests.mjs rendered.yaml   (exit 1 and one line per problem when invalid)
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const file = process.argv[2];
const documents = parseAllDocuments(readFileSync(file, "utf8")).map((d) => d.toJSON()).filter(Boolean);
const problems = [];
const customResources = [];

for (const object of documents) {
  const where = `${object.kind}/${object.metadata?.name}`;
  const [group, version] = object.apiVersion.includes("/") ? object.apiVersion.split("/") : [null, object.apiVersion];
  if (group && group.endsWith("strimzi.io")) {
    customResources.push(where);
    continue;
  }
  const path = group ? `kubernetes-models/${group}/${version}` : `kubernetes-models/${version}`;
  let Model;
  try {
    Model = (await import(path))[object.kind];
    if (!Model) throw { code: "NO_SUCH_KIND" };
  } catch (error) {
    problems.push(`${where}: no schema for ${object.apiVersion} ${object.kind} (${error.code ?? error.message})`);
    continue;
  }
  try {
    new Model(object).validate();
  } catch (error) {
    problems.push(`${where}: ${error.message}`);
  }
}

console.log(`${documents.length} objects, ${documents.length - customResources.length - problems.length} valid, `
  + `${customResources.length} custom resources without schema (${customResources.join(", ")}), ${problems.length} invalid`);
problems.forEach((problem) => console.log(`INVALID ${problem}`));
process.exit(problems.length === 0 ? 0 : 1);
