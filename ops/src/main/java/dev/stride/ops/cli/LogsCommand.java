package dev.stride.ops.cli;

import dev.stride.ops.stack.LogTail;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "logs", mixinStandardHelpOptions = true, description = "Prints the end of a service's log; -f follows it.")
final class LogsCommand implements Callable<Integer> {

  @Mixin StackOptions options;

  @Parameters(paramLabel = "SERVICE", description = "cassandra, kafka, zookeeper, redis (or any log under <home>/logs)")
  String service;

  @Option(names = {"-n", "--lines"}, defaultValue = "50", description = "Lines to print (default ${DEFAULT-VALUE}).")
  int lines;

  @Option(names = {"-f", "--follow"}, description = "Keep printing new lines until interrupted.")
  boolean follow;

  @Override
  public Integer call() throws IOException, InterruptedException {
    Path log = options.config().logFile(service);
    if (!Files.exists(log)) {
      System.err.println("no log for '" + service + "' at " + log);
      return 2;
    }
    LogTail.last(log, lines).forEach(System.out::println);
    if (follow) {
      try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
        long pos = file.length();
        while (!Thread.currentThread().isInterrupted()) {
          if (file.length() > pos) {
            file.seek(pos);
            String line;
            while ((line = file.readLine()) != null) {
              System.out.println(line);
            }
            pos = file.getFilePointer();
          }
          Thread.sleep(300);
        }
      }
    }
    return 0;
  }
}
