// Tests for BotNet live in this folder, one file per type or concern.
import Testing
