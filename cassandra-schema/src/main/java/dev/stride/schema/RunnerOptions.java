package dev.stride.schema;

/**
 * Command line of {@link MigrationRunner#main}.
 *
 * @param contactPoints {@code host:port}, comma-separated for several nodes
 * @param datacenter    the driver's local data centre
 * @param keyspace      the keyspace to migrate
 * @param replication   replication used if the keyspace has to be created
 * @param help          {@code --help} was given
 */
public record RunnerOptions(String contactPoints, String datacenter, String keyspace, Replication replication,
                            boolean help) {

    public static final String USAGE = """
            usage: MigrationRunner [--contact-point 127.0.0.1:9042] [--datacenter datacenter1] [--keyspace stride]
                                   [--replication simple:1|nts:dc1=3,dc2=3]
            Applies the pending CQL migrations of db/migration to the keyspace, creating it if missing.""";

    /** Parses {@code --name value} and {@code --name=value}; unset options take the local-stack defaults. */
    public static RunnerOptions parse(String[] args) {
        String contactPoints = "127.0.0.1:9042";
        String datacenter = "datacenter1";
        String keyspace = "stride";
        String replication = "simple:1";
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            String name = arg;
            String value;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("option " + arg + " needs a value");
            }
            switch (name) {
                case "--contact-point", "--contact-points" -> contactPoints = value;
                case "--datacenter", "--local-datacenter" -> datacenter = value;
                case "--keyspace" -> keyspace = value;
                case "--replication" -> replication = value;
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        MigrationRunner.keyspaceId(keyspace); // validate early, with the same message the runner gives
        return new RunnerOptions(contactPoints, datacenter, keyspace, Replication.parse(replication), help);
    }
}
