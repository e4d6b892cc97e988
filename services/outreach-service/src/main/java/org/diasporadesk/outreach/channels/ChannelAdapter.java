package org.diasporadesk.outreach.channels;

/** The protocol side of one channel: hands a message to its provider. */
public interface ChannelAdapter {

    Channel channel();

    /**
     * @return the provider's id for the message
     * @throws ChannelException when the provider refused it or could not be reached
     */
    String send(OutgoingMessage message);
}
