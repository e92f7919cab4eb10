import BotRuntime
import Foundation

exit(await ShowRiskStateCommand.main())
