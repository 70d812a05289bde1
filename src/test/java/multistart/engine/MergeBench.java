package multistart.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import multistart.analysis.Aggregator;
import multistart.config.ConfigLoader;
import multistart.config.ExperimentConfig;

/**
 * The merge's capacity, runs per second, with nothing else running: what caps a sweep's
 * throughput on many cores (bench/merge.sh). Runs a config's sweep once, keeping every batch
 * with its worker-side work done (journal records, basin cells), then feeds the batches in run
 * order through a fresh journal and aggregator, alternately on one thread (as below
 * {@link Engine.Sink#STAGED_THREADS} threads) and split over two (basin lookups on one, the
 * rest on another, as the engine does from there on), and prints microseconds per run.
 * Usage: MergeBench CONFIG [STARTS_MULTIPLIER [REPETITIONS]].
 */
public final class MergeBench {

    private MergeBench() {
    }

    public static void main(String[] args) throws Exception {
        ExperimentConfig config = ConfigLoader.load(Path.of(args[0]));
        int scale = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        if (scale != 1) {
            String text = Files.readString(Path.of(args[0])).replaceAll("(?m)^  count: (\\d+)",
                    "  count: " + Math.multiplyExact(config.starts().count(), scale));
            config = ConfigLoader.parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), args[0], null);
        }
        Plan plan = Plan.of(config);
        List<Batch> batches = new ArrayList<>();
        new Engine(0).execute(plan, 0, b -> batches.add(copy(b)), null);
        Aggregator probe = new Aggregator(plan);
        batches.parallelStream().forEach(b -> {
            Journal.encode(b);
            probe.prepare(b);
        });
        long runs = plan.runCount();
        System.out.printf(Locale.ROOT, "%s x%d: %d runs in %d batches%n", config.name(), scale, runs, batches.size());
        Path dir = Files.createTempDirectory("merge-bench");
        try {
            for (int r = 0; r < reps; r++) {
                double one = single(plan, batches, dir.resolve("j1")) / 1e3 / runs;
                double two = staged(plan, batches, dir.resolve("j2")) / 1e3 / runs;
                System.out.printf(Locale.ROOT, "one thread %.3f us per run, two stages %.3f us per run (%.2fx)%n",
                        one, two, one / two);
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    private static Batch copy(Batch b) {
        Batch c = b.prefix(b.size);
        c.failure = b.failure == null ? null : b.failure.clone();
        return c;
    }

    private static long single(Plan plan, List<Batch> batches, Path journalPath) throws Exception {
        Aggregator a = new Aggregator(plan);
        for (Batch b : batches) {
            b.basinsReady = false;
        }
        try (Journal journal = Journal.create(journalPath, plan.starts().dimension())) {
            long t0 = System.nanoTime();
            for (Batch b : batches) {
                journal.append(b);
                a.accept(b);
            }
            return System.nanoTime() - t0;
        }
    }

    private static long staged(Plan plan, List<Batch> batches, Path journalPath) throws Exception {
        Aggregator a = new Aggregator(plan);
        for (Batch b : batches) {
            b.basinsReady = false;
        }
        Batch end = new Batch(-1, 0, 0);
        BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(64);
        Exception[] failure = new Exception[1];
        try (Journal journal = Journal.create(journalPath, plan.starts().dimension())) {
            Thread second = new Thread(() -> {
                try {
                    for (Batch b = queue.take(); b != end; b = queue.take()) {
                        journal.append(b);
                        a.accept(b);
                    }
                } catch (Exception e) {
                    failure[0] = e;
                }
            });
            long t0 = System.nanoTime();
            second.start();
            for (Batch b : batches) {
                a.first(b);
                queue.put(b);
            }
            queue.put(end);
            second.join();
            long t = System.nanoTime() - t0;
            if (failure[0] != null) {
                throw failure[0];
            }
            return t;
        }
    }
}
