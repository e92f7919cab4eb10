import BotRuntime
import Foundation

exit(await CheckDataCoverageCommand.main())
