package org.testr4j.junit;

import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void show() {
        WorkerRun list = WorkerRun.fixtures("--list");
        System.out.println(list.stderr());
        list.listed().forEach((k, v) -> System.out.println("LIST " + k + " " + v));
        list.outcomes().forEach((k, v) -> System.out.println("LISTFAIL " + k + " " + v));
        WorkerRun all = WorkerRun.fixtures();
        System.out.println(all.stderr());
        all.outcomes().forEach((k, v) -> System.out.println("RUN " + k + " " + v));
        all.results()
                .forEach(r -> r.attachments()
                        .forEach(a -> System.out.println("ATT " + r.testId() + " " + a.name() + ": "
                                + a.content().utf8().lines().limit(3).toList())));
        all.events().stream()
                .filter(e -> e.testId() == null)
                .forEach(e -> System.out.println(
                        "BETWEEN " + e.fileName() + ": " + e.fileBytes().utf8()));
    }
}
