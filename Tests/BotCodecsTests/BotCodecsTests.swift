// Tests for BotCodecs live in this folder, one file per type or concern.
import Testing
