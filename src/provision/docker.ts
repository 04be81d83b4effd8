// Neo4j in Docker through testcontainers, for machines where a Docker engine answers.
// Imported lazily: machines without Docker never load testcontainers.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const NEO4J_IMAGE = 'neo4j:5.26-community';

/** True when a Docker engine answers (the client alone, as on our machines, is not enough). */
export async function dockerEngineAnswers(): Promise<boolean> {
  try {
    await run('docker', ['info', '--format', '{{.ServerVersion}}'], { timeout: 5_000 });
    return true;
  } catch {
    return false;
  }
}

export async function startDockerNeo4j(): Promise<{ uri: string; username: string; password: string; stop(): Promise<void> }> {
  const { Neo4jContainer } = await import('@testcontainers/neo4j');
  const container = await new Neo4jContainer(NEO4J_IMAGE).start();
  return {
    uri: container.getBoltUri(),
    username: container.getUsername(),
    password: container.getPassword(),
    stop: async () => {
      await container.stop();
    },
  };
}
