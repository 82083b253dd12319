package com.yihuiliao.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.yihuiliao.api.Command;
import com.yihuiliao.api.MessageNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Executable;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandHandler;
import org.junit.jupiter.api.Test;

/**
 * The command side's own commands — those used inside one unit of work, beside the aggregate that handles them
 * (as {@code HoldSlot}) — keep the naming rule of {@link MessageNames} as shared-events' messages do: whatever a
 * {@code @CommandHandler} of this module takes is a {@link Command}, named as an order.
 */
class CommandNamesTest {

    @Test
    void everyCommandThisSideHandlesIsACommandNamedAsAnOrder() {
        Set<Class<?>> handled = handledCommands();
        List<String> problems = handled.stream()
                .flatMap(type -> Command.class.isAssignableFrom(type)
                        ? MessageNames.problems(type).stream()
                        : Stream.of(type.getSimpleName() + " is handled as a command but is no Command"))
                .toList();

        assertThat(problems).as("commands whose kind does not show").isEmpty();
        // the scan sees the module's handlers and their commands, in both homes, so the rule is not kept vacuously
        assertThat(handled).contains(com.yihuiliao.command.schedule.HoldSlot.class,
                com.yihuiliao.command.payment.ReserveRefund.class, com.yihuiliao.api.appointment.BookAppointment.class);
    }

    /** The first parameter of every {@code @CommandHandler} method and constructor in this module's classes. */
    private static Set<Class<?>> handledCommands() {
        Set<Class<?>> commands = new TreeSet<>((a, b) -> a.getName().compareTo(b.getName()));
        for (Class<?> type : compiledClasses()) {
            Stream.concat(Arrays.stream(type.getDeclaredMethods()), Arrays.stream(type.getDeclaredConstructors()))
                    .filter(handler -> handler.isAnnotationPresent(CommandHandler.class))
                    .map(Executable::getParameterTypes)
                    .filter(parameters -> parameters.length > 0)
                    .forEach(parameters -> commands.add(parameters[0]));
        }
        return commands;
    }

    private static List<Class<?>> compiledClasses() {
        Path root;
        try {
            root = Path.of(CommandSideConfiguration.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(file -> root.relativize(file).toString())
                    .filter(file -> file.endsWith(".class") && !file.contains("package-info"))
                    .<Class<?>>map(file -> load(file.substring(0, file.length() - ".class".length()).replace('/', '.')))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, CommandNamesTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
