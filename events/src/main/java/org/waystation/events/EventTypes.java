package org.waystation.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The logical type names used on the wire and the records they stand for. Renaming or
 * moving a record never changes its name here, so no consumer breaks.
 */
public final class EventTypes {

	private static final Map<String, Class<? extends DomainEvent>> BY_NAME = new LinkedHashMap<>();

	private static final Map<Class<? extends DomainEvent>, String> BY_CLASS = new LinkedHashMap<>();

	private static final Map<Class<? extends DomainEvent>, Integer> VERSIONS = new LinkedHashMap<>();

	static {
		register("AppealSubmitted", AppealSubmitted.class);
		register("AppealRouted", AppealRouted.class);
		register("SupervisorAlerted", SupervisorAlerted.class);
		register("CaseOpened", CaseOpened.class);
		register("CaseAssigned", CaseAssigned.class);
		register("CaseSigned", CaseSigned.class);
		register("CaseStarted", CaseStarted.class);
		register("CaseReplied", CaseReplied.class);
		register("CaseInfoRequested", CaseInfoRequested.class);
		register("CaseInfoProvided", CaseInfoProvided.class);
		register("CaseExtensionRequested", CaseExtensionRequested.class);
		register("CaseExtended", CaseExtended.class);
		register("CaseExtensionRejected", CaseExtensionRejected.class);
		register("CaseReturned", CaseReturned.class);
		register("CaseReturnRejected", CaseReturnRejected.class);
		register("CaseRedispatched", CaseRedispatched.class);
		register("CaseResolved", CaseResolved.class);
		register("CaseRated", CaseRated.class);
		register("CaseReopened", CaseReopened.class);
		register("CaseClosed", CaseClosed.class);
		register("CaseEscalated", CaseEscalated.class);
		register("CaseMerged", CaseMerged.class);
		register("SlaWarning", SlaWarning.class);
		register("SlaBreached", SlaBreached.class);
		register("WorkerAnswered", WorkerAnswered.class);
		register("WorkerRated", WorkerRated.class);
		register("StaffAccountChanged", StaffAccountChanged.class);
	}

	private EventTypes() {
	}

	private static void register(String name, Class<? extends DomainEvent> type) {
		BY_NAME.put(name, type);
		BY_CLASS.put(type, name);
		try {
			VERSIONS.put(type, type.getField("SCHEMA_VERSION").getInt(null));
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(name + " must declare its public static final int SCHEMA_VERSION", ex);
		}
	}

	/** Every logical type name, in the order the lifecycle reaches them. */
	public static Iterable<String> names() {
		return BY_NAME.keySet();
	}

	public static Optional<Class<? extends DomainEvent>> classOf(String name) {
		return Optional.ofNullable(BY_NAME.get(name));
	}

	/**
	 * The schema version of a type that this build writes and reads up to: its
	 * {@code SCHEMA_VERSION}.
	 */
	public static int schemaVersionOf(Class<? extends DomainEvent> type) {
		Integer version = VERSIONS.get(type);
		if (version == null) {
			throw new IllegalArgumentException("No logical type name registered for " + type.getName());
		}
		return version;
	}

	public static String nameOf(Class<? extends DomainEvent> type) {
		String name = BY_CLASS.get(type);
		if (name == null) {
			throw new IllegalArgumentException("No logical type name registered for " + type.getName());
		}
		return name;
	}

}
