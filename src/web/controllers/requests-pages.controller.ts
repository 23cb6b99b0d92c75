import { ViewService } from '../view.service';
import { WebController } from '../web-controller';

@WebController()
export class RequestsPagesController {
  constructor(private readonly view: ViewService) {}
}
