import BotRuntime
import Foundation

exit(await RunDailyTrendCommand.main())
