// Runs `work` over `items` a few at a time, keeping the order of the answers: the service and Neo4j share
// two cores with the tests, and a hundred requests at once would only measure the machine's load.
export async function fewAtATime<T, R>(items: readonly T[], work: (item: T) => Promise<R>, width = 4): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await work(items[i]!);
      }
    }),
  );
  return out;
}
