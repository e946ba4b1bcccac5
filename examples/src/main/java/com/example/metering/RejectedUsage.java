package com.example.metering;

// tag::rejected[]
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.polarspring.boot.metering.UsageRejectedEvent;

@Component
public class RejectedUsage {

	private final List<UsageRejectedEvent> rejected = new CopyOnWriteArrayList<>();

	// Polar refused the event (an unknown customer, say) and it is not sent again
	@EventListener
	void on(UsageRejectedEvent rejection) {
		this.rejected.add(rejection);
	}
	// end::rejected[]

	public List<UsageRejectedEvent> rejected() {
		return List.copyOf(this.rejected);
	}
	// tag::rejected[]

}
// end::rejected[]
