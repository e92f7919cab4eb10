import BotRuntime
import Foundation

exit(await ExchangeSimulatorCommand.main())
