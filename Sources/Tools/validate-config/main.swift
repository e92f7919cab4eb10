import BotRuntime
import Foundation

exit(await ValidateConfigCommand.main())
