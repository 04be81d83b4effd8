// The current dataset's stamp in the graph: one Dataset node (version, content hash, counts) written
// by the seed loader, and one DatasetLoad node (the batched-load generation). Their key is written
// here once; every statement that reads or writes them names the node through these helpers.

const CURRENT_KEY = 'current';

/** The pattern of the one Dataset node, bound to `v`. */
export const datasetNode = (v = 'd') => `(${v}:Dataset {id: '${CURRENT_KEY}'})`;

/** The pattern of the one DatasetLoad node, bound to `v`. */
export const datasetLoadNode = (v = 'l') => `(${v}:DatasetLoad {id: '${CURRENT_KEY}'})`;

/** The stamp of the loaded dataset (no record when none was stamped). */
export const READ_DATASET = `
MATCH ${datasetNode()}
RETURN d.version AS version, d.contentHash AS contentHash, toString(d.loadedAt) AS loadedAt,
       d.entities AS entities, d.relations AS relations`;
