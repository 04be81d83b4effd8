// Runs Neo4j Community embedded, with the Bolt connector on a loopback port.
// Started by src/neo4j/local.ts as `java -cp <maven classpath> Neo4jLocal.java <home> <port> <password>`
// (Java's single-file source launcher: nothing to compile or commit). The page cache is the system
// property neo4jlocal.pagecache (e.g. -Dneo4jlocal.pagecache=1g; default 128m).
//
// Protocol with the parent process, one line each on stdout:
//   READY <port>     Bolt accepts connections with user neo4j and the given password
//   FAILED <reason>  start-up failed; the JVM exits 1
// It shuts down cleanly when its standard input closes (the parent ended, however it ended),
// so no JVM outlives the Node process that started it.
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

public class Neo4jLocal {
  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.out.println("FAILED usage: Neo4jLocal <home> <port> <password>");
      System.exit(2);
    }
    Path home = Path.of(args[0]);
    int port = Integer.parseInt(args[1]);
    String password = args[2];
    DatabaseManagementService dbms;
    try {
      long pageCache = ByteUnit.parse(System.getProperty("neo4jlocal.pagecache", "128m"));
      dbms = new DatabaseManagementServiceBuilder(home)
          .setConfig(BoltConnector.enabled, true)
          .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
          .setConfig(HttpConnector.enabled, false)
          .setConfig(GraphDatabaseSettings.auth_enabled, true)
          // Small by default: this runs on 2-core developer and CI machines next to Node. Large
          // graphs (the benchmarks' x100 and x1000) ask for a page cache that holds their store.
          .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
          .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(5))
          .build();
      // A fresh home has user neo4j with the default password; set ours. A restarted home may
      // already have it, which Neo4j refuses to "change": that is fine.
      try {
        dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
            "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
      } catch (RuntimeException e) {
        if (!String.valueOf(e.getMessage()).contains("Old password and new password cannot be the same")) throw e;
      }
    } catch (Throwable e) {
      System.out.println("FAILED " + String.valueOf(e.getMessage()).replace('\n', ' '));
      System.exit(1);
      return;
    }
    final DatabaseManagementService running = dbms;
    Runtime.getRuntime().addShutdownHook(new Thread(running::shutdown));
    System.out.println("READY " + port);
    System.out.flush();
    // Block until the parent closes our stdin (or dies), then exit; the hook shuts Neo4j down.
    while (System.in.read() != -1) { /* ignore input */ }
    System.exit(0);
  }
}
